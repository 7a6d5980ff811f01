-- require of a forbidden module names it.
-- expect: exit 4
-- stderr: require: 'io' is not available in samverkan scripts
require("io")
