-- error(false).
-- expect: exit 4
-- stderr: (error object is a boolean value)
error(false)
