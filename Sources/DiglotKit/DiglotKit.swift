/// DiglotKit: module namespace.
public enum DiglotKitModule {}
