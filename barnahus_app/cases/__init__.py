"""Cases: intake, the persons in a case, the case list and its search."""
