from implcheck.start import main

main()
