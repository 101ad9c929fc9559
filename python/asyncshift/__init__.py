"""asyncshift for pip users: runs the Node.js command line bundled in this package."""
