/// DiglotPairing: module namespace.
public enum DiglotPairingModule {}
