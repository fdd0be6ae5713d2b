/// StaffBulletinImporter: module namespace.
public enum StaffBulletinImporterModule {}
