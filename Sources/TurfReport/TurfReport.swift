/// The `TurfReport` module; see docs/ARCHITECTURE.md for its job.
public enum TurfReportModule {}
