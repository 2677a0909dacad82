"""One module per screen; the app wires them into modes."""
