import os

from flask import Flask, jsonify, request
from flask_limiter import Limiter
from flask_limiter.util import get_remote_address
from flask_talisman import Talisman

limiter = Limiter(key_func=get_remote_address, storage_uri="memory://")

CSP = {
    "default-src": "'self'",
    "script-src": ["'self'", "'unsafe-inline'"],
    "style-src": ["'self'", "'unsafe-inline'"],
}


def create_app(config_object="config.Config"):
    app = Flask(__name__)
    app.config.from_object(config_object)
    app.config.setdefault("SECRET_KEY", os.environ.get("FLASK_SECRET_KEY") or "change-me-locally")
    app.secret_key = os.environ.get("FLASK_SECRET_KEY", "dev")

    Talisman(app, content_security_policy=CSP, force_https=False)
    limiter.init_app(app)

    @app.route("/upload", methods=["POST"])
    def upload():
        f = request.files["file"]
        f.save(os.path.join(app.config["UPLOAD_FOLDER"], f.filename))
        return jsonify(ok=True)

    @app.errorhandler(Exception)
    def handle_error(e):
        return jsonify(error=str(e)), 500

    return app
