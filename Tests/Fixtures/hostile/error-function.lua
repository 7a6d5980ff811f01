-- error(print).
-- expect: exit 4
-- stderr: (error object is a function value)
error(print)
