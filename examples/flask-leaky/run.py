import os

from app import create_app

app = create_app(os.environ.get("APP_CONFIG", "config.DevelopmentConfig"))

if __name__ == "__main__":
    # Left over from local development (seed 003): debugger on, bound to every interface.
    app.run(host="0.0.0.0", port=5000, debug=True)
