/// DiglotLexicon: module namespace.
public enum DiglotLexiconModule {}
