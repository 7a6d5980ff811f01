-- Dots alone are not a module name.
-- expect: exit 4
-- stderr: require: '..' is not a module name
require("..")
