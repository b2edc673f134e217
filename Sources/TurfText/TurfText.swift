/// The `TurfText` module; see docs/ARCHITECTURE.md for its job.
public enum TurfTextModule {}
