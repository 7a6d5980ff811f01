-- A plain table.
-- expect: exit 4
-- stderr: (error object is a table value)
error({ code = 1 })
