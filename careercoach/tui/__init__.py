"""The Textual app. Only this package imports textual; the domain stays UI-free."""
