-- _ENV.package is the same forbidden global.
-- expect: exit 4
-- stderr: 'package' is not available in samverkan scripts
_ENV.package.cpath = "/tmp/?.so"
