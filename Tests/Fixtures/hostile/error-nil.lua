-- error(nil).
-- expect: exit 4
-- stderr: (error object is a nil value)
error(nil)
