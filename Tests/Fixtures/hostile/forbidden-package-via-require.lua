-- require('package') is refused.
-- expect: exit 4
-- stderr: require: 'package' is not available in samverkan scripts
require("package").loadlib("libc.so.6", "system")
