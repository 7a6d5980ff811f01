-- loadfile cannot read files.
-- expect: exit 4
-- stderr: 'loadfile' is not available in samverkan scripts
loadfile("/etc/passwd")
