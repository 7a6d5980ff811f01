-- collectgarbage is not available.
-- expect: exit 4
-- stderr: 'collectgarbage' is not available in samverkan scripts
collectgarbage("stop")
