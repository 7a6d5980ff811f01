-- os.exit cannot end the host, with any exit code.
-- expect: exit 4
-- stderr: os.exit is not available in samverkan scripts
os.exit(0, true)
