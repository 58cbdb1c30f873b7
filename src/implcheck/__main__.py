from implcheck.cli import main

main()
