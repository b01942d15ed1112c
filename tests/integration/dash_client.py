"""Build /_dash-update-component payloads from the app's own callback map (/_dash-dependencies)."""
from __future__ import annotations

import json


class DashClient:
    """Calls callbacks the way the browser does, using the dependency list the app serves."""

    def __init__(self, flask_client):
        self.client = flask_client
        deps = flask_client.get("/_dash-dependencies")
        assert deps.status_code == 200
        self.callbacks = deps.get_json()

    def find(self, output_fragment: str) -> dict:
        """The callback whose output string contains ``output_fragment``."""
        matches = [c for c in self.callbacks if output_fragment in c["output"]]
        assert len(matches) == 1, f"{output_fragment!r} matched {len(matches)} callbacks"
        return matches[0]

    def payload(self, output_fragment: str, values: dict, changed: list[str]) -> dict:
        """A request body; ``values`` maps 'id.prop' to the value sent (missing ones are None)."""
        cb = self.find(output_fragment)
        outputs = [{"id": o.split(".")[0], "property": o.split(".")[1]}
                   for o in cb["output"].strip(".").split("...")] if cb["output"].startswith("..") else \
            {"id": cb["output"].split(".")[0], "property": cb["output"].split(".")[1]}
        inputs = [{"id": i["id"], "property": i["property"], "value": values.get(f"{i['id']}.{i['property']}")}
                  for i in cb["inputs"]]
        state = [{"id": s["id"], "property": s["property"], "value": values.get(f"{s['id']}.{s['property']}")}
                 for s in cb["state"]]
        return {"output": cb["output"], "outputs": outputs, "inputs": inputs, "state": state,
                "changedPropIds": changed}

    def call(self, output_fragment: str, values: dict, changed: list[str]):
        """POST the callback; returns the Flask response."""
        body = self.payload(output_fragment, values, changed)
        return self.client.post("/_dash-update-component", data=json.dumps(body),
                                content_type="application/json")
