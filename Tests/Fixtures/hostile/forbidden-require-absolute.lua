-- require takes no absolute paths.
-- expect: exit 4
-- stderr: require: '/etc/passwd' is not a module name
require("/etc/passwd")
