/// DiglotAnalysis: module namespace.
public enum DiglotAnalysisModule {}
