-- require('debug') is refused.
-- expect: exit 4
-- stderr: require: 'debug' is not available in samverkan scripts
local d = require("debug")
print(d.getregistry())
