"""Personal data: exporting one's own data (GDPR's right of access and portability)."""
