/// The `TurfModel` module; see docs/ARCHITECTURE.md for its job.
public enum TurfModelModule {}
