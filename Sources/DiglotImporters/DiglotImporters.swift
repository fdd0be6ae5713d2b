/// DiglotImporters: module namespace.
public enum DiglotImportersModule {}
