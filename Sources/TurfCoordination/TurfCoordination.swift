/// The `TurfCoordination` module; see docs/ARCHITECTURE.md for its job.
public enum TurfCoordinationModule {}
