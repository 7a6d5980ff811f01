-- require('os') is the same reduced os.
-- expect: exit 4
-- stderr: os.getenv is not available in samverkan scripts
require("os").getenv("HOME")
