/// DiglotStore: module namespace.
public enum DiglotStoreModule {}
