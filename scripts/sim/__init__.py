"""The simulator of a program year and the renderers of its truth into books and files."""
