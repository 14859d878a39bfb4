import { test } from 'node:test';
import { expectLines, text } from '../../testing/harness.js';
import rule from './error-details-exposed.js';

test('flask/error-details-exposed: handlers and view except blocks that return exception text', async () => {
  await expectLines(
    rule,
    {
      'app.py': text(
        'import traceback',
        'from flask import Flask, jsonify',
        'app = Flask(__name__)',
        '@app.errorhandler(Exception)',
        'def handle_exception(e):',
        "    return jsonify({'message': f'Error: {e}'}), 500",
        '@app.errorhandler(500)',
        'def boom(err):',
        '    detail = traceback.format_exc()',
        '    return detail, 500',
        "@app.route('/x')",
        'def x():',
        '    try:',
        '        work()',
        '    except ValueError as exc:',
        "        return jsonify(error=str(exc)), 400",
        'def on_db_error(e):',
        '    return repr(e), 500',
        'app.register_error_handler(OperationalError, on_db_error)',
      ),
    },
    ['app.py:6', 'app.py:10', 'app.py:16', 'app.py:18'],
  );
});

test('flask/error-details-exposed: generic messages, env-guarded detail (seed 003), HTTPException pass-through are silent', async () => {
  await expectLines(
    rule,
    {
      'app.py': text(
        'import os',
        'from flask import Flask, jsonify',
        'app = Flask(__name__)',
        '@app.errorhandler(Exception)',
        'def handle_exception(e):',
        '    app.logger.error(f"Unhandled exception: {str(e)}", exc_info=True)',
        "    if os.environ.get('FLASK_ENV') == 'production':",
        "        return jsonify({'message': 'Server error'}), 500",
        '    else:',
        "        return jsonify({'message': f'Error: {str(e)}'}), 500",
        '@app.errorhandler(404)',
        'def nf(e):',
        '    return e',
      ),
    },
    [],
  );
});
