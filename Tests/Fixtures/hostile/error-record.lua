-- A record as error value: its name.
-- expect: exit 4
-- stderr: error: municipalities[1280]
error(kb.municipalities:get("1280"))
