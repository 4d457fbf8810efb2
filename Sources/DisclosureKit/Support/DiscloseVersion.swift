/// The version `--version` prints; part of the build cache's key, so an upgrade renders
/// everything again.
public enum DiscloseVersion {
    public static let string = "0.1.0"
}
