/// The `TurfPipeline` module; see docs/ARCHITECTURE.md for its job.
public enum TurfPipelineModule {}
