"""iso20k: ISO/IEC 20000-1 service management and certification readiness."""

__version__ = "0.1.0"
