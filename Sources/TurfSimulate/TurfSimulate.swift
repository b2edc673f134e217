/// The `TurfSimulate` module; see docs/ARCHITECTURE.md for its job.
public enum TurfSimulateModule {}
