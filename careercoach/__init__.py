"""careercoach: a private terminal career coach for foreign professionals in Japan."""

__version__ = "0.1.0"
