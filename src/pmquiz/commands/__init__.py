"""One module per command: load through the core, render through `views` or JSON."""
