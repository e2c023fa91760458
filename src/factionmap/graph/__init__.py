"""The map across documents: entity resolution, tie aggregation, grades, time and queries."""
