"""pmquiz: a terminal quizzer for product-manager interview preparation."""

__version__ = "0.1.0"
