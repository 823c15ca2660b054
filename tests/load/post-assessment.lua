-- wrk script: POST one complete assessment per request and count anything but 201 as an error.
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
local file = io.open(os.getenv("SMARTY_LOAD_BODY"), "r")
wrk.body = file:read("*a")
file:close()

local unexpected = 0
function response(status, headers, body)
    if status ~= 201 then
        unexpected = unexpected + 1
    end
end

function done(summary, latency, requests)
    io.write(string.format("unexpected statuses: %d\n", unexpected))
end
