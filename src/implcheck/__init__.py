"""implcheck: is this school technology implementation ready, and is it still on track?"""

__version__ = "0.1.0"
