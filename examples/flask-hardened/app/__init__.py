import logging
import os

from flask import Flask, jsonify, request
from flask_limiter import Limiter
from flask_limiter.util import get_remote_address
from flask_talisman import Talisman
from flask_wtf.csrf import CSRFProtect
from werkzeug.utils import secure_filename

limiter = Limiter(key_func=get_remote_address, storage_uri=os.environ["RATELIMIT_STORAGE_URI"])
csrf = CSRFProtect()

CSP = {
    "default-src": "'self'",
    "script-src": "'self'",
    "style-src": "'self'",
    "object-src": "'none'",
    "base-uri": "'self'",
    "frame-ancestors": "'none'",
}

ALLOWED_EXTENSIONS = {"png", "jpg", "pdf"}


def create_app(config_object="config.ProductionConfig"):
    app = Flask(__name__)
    app.config.from_object(config_object)

    Talisman(app, content_security_policy=CSP, force_https=True, strict_transport_security=True)
    limiter.init_app(app)
    csrf.init_app(app)

    @app.route("/upload", methods=["POST"])
    def upload():
        f = request.files["file"]
        name = secure_filename(f.filename)
        if name.rsplit(".", 1)[-1].lower() not in ALLOWED_EXTENSIONS:
            return jsonify(error="file type not allowed"), 400
        f.save(os.path.join(app.config["UPLOAD_FOLDER"], name))
        return jsonify(ok=True)

    @app.errorhandler(Exception)
    def handle_error(e):
        logging.getLogger(__name__).exception("unhandled error")
        return jsonify(error="internal server error"), 500

    return app
