"""triangulate."""
