-- A number is shown as one.
-- expect: exit 4
-- stderr: error: 42
error(42)
