"""The capture browser window and a web capture's tabs in the evidence viewer."""
