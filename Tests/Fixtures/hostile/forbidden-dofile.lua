-- dofile cannot read files.
-- expect: exit 4
-- stderr: 'dofile' is not available in samverkan scripts
dofile("/etc/passwd")
