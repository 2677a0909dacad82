"""`python -m careercoach` runs the same command line as `careercoach`."""

from careercoach.cli import main

if __name__ == "__main__":
    main()
